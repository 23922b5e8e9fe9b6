"""PDF documents (the management report), drawn with fpdf2; charts from factory_grader.charts."""
