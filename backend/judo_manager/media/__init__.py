"""Files a coach keeps in the club's data: photos, documents and logos, inside the database."""
