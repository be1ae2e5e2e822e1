"""Documents the coach takes out of the app: entry sheets and lists as PDF, CSV and XLSX."""
