"""pytest plugin (placeholder until the real one lands)."""
