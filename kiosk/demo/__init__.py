"""The deterministic demo site: plain core records, loaded by the kiosk and the server alike."""
