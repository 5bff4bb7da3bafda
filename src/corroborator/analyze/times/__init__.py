"""Time expressions: rules that find them, a calendar that normalises them to TimeML values.
Entry points: `extract.extract_times`, `extract.find_times`."""
