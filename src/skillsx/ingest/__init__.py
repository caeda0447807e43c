"""skillsx."""
