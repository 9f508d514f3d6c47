"""Question bank, quizzes and attempts (issue 4)."""
