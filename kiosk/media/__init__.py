"""The one media service: every photo the views show is decoded here, nowhere else."""
