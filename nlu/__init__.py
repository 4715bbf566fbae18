"""Natural-language understanding: the Rasa project (data, config) and its HTTP client."""
