"""kravcheck: check Swedish primary-care providers' documents against the region's krav."""

__version__ = "0.1.0"
