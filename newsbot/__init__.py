"""newsbot: follows AI-industry news in English and Japanese and answers questions about it."""

__version__ = "0.1.0"
