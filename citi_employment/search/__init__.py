"""Search: the app's records in the framework's global search (the desk's search bar)."""
