"""Quiz services: starting, answering, submitting and grading attempts; imports; essay marking."""
