"""Renderings of a check report for people. Each renders the JSON report dict
(`check.report.Report.to_dict`), so every format says the same thing."""
