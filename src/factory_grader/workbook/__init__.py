"""Excel workbooks: the provincial submission (write, read back safely) and officials' summaries."""
