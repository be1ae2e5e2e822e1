"""The clubs athletes train at, and the organisation the app is branded for."""
