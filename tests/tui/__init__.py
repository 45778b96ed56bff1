"""Tests of the terminal app: Pilot tests of each key and snapshot tests of each screen."""
