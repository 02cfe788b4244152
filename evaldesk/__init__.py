"""evaldesk: 预算项目绩效自评表 — fill in, check, save and print."""

__version__ = "0.1.0"
