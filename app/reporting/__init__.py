"""Reporting to the funder: participant records, indicators defined as data
(config/indicators.yaml), suppression of small cells, closed-period snapshots and exports."""
