"""Measurements that are reported, not asserted as timings: page weight, Lighthouse, build scale."""
