"""The rule engine: rule packs as data, checks, waivers and readiness scores."""
