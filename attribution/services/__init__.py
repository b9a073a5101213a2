"""Every write to the database goes through these functions; views, admin and commands call them."""
