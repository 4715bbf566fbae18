"""The operators' side: their Telegram group with one topic per person, and handoffs."""
