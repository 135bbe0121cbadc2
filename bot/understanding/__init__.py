"""Understanding what people write: topics, formats, places, programmes, and signs of distress."""
