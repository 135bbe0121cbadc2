"""Figures for coordinators to take away: anonymous by construction."""
