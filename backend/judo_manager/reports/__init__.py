"""Reports: the documents a coach hands over (roster, grading readiness, promotions, medals,
expiring papers), shown in the page and saved as PDF, CSV or XLSX."""
