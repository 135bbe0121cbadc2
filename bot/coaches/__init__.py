"""A coach's own side: weekly availability, pausing, their meeting link and their profile."""
