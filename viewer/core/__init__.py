"""Report Compare core: pure Python, no Qt. Everything here is testable without a display."""
