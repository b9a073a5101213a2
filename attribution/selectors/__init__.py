"""Every read the views, services and commands make, one module per area."""
