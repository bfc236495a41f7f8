"""alsingest: track what the literature says about ALS therapies."""

__version__ = "0.1.0"
