"""The student's pages: applying, "My applications", withdrawing, and the file downloads."""
