"""Written reflections (bài thu hoạch): a learner writes or uploads one for a directive of a
campaign, a unit head or HR grades it; "Đạt" is evidence dated on its submission (docs/reflections.md)."""
