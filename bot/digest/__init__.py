"""The weekly digest: pool figures for coordinators and organisation leads.

Pure core: the store hands over compact facts (`facts.py`), `figures.py` turns them into a
`Digest` for a week and a scope, `render.py` and `chart.py` make it readable, `schedule.py`
queues one per recipient per week through the outbox. Confidentiality rules: `privacy.py`.
"""
