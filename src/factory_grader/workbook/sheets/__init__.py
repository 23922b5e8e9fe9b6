"""One module per visible sheet of the submission workbook; each builds a SheetPlan."""
