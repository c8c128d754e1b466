"""eakit: enterprise-architecture modelling and compliance for Vietnamese e-government."""

__version__ = "0.1.0"
