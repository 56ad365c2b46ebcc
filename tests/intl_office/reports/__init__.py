"""The staff annual report: totals against counts made here row by row, the public statistics page, the XLSX."""
