# coachpool: `coachpool serve` (Slack, Teams, /healthz and the scheduler) in one container.
# Build: docker build -t coachpool .    Run with PostgreSQL: docker compose up (compose.yaml).
ARG PYTHON_IMAGE=python:3.11-slim

# Build stage: install coachpool and its pinned dependencies into a virtual environment.
FROM ${PYTHON_IMAGE} AS build
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1
WORKDIR /src
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY handlers ./handlers
COPY storage ./storage
RUN python3 -m venv /opt/coachpool && /opt/coachpool/bin/pip install .

# Run stage: the same slim base, the virtual environment, and nothing else; never root.
FROM ${PYTHON_IMAGE}
RUN useradd --uid 10001 --user-group --home-dir /data --create-home --shell /usr/sbin/nologin coachpool
COPY --from=build /opt/coachpool /opt/coachpool
ENV PATH=/opt/coachpool/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    PORT=3000 \
    DATABASE_URL=sqlite:////data/coachpool.db
USER coachpool
WORKDIR /data
VOLUME /data
EXPOSE 3000
# Healthy while /healthz answers 200 (the store is reachable); 503 or no answer is unhealthy.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD python3 -c 'import os, urllib.request; urllib.request.urlopen("http://127.0.0.1:" + os.environ.get("PORT", "3000") + "/healthz", timeout=4)'
# Any coachpool command runs as `docker run IMAGE COMMAND`, e.g. `db upgrade` or `people`.
ENTRYPOINT ["coachpool"]
CMD ["serve", "--host", "0.0.0.0"]
