"""CV files: their text (read), their anonymised copy in each format (write), and the list
of employers and their sectors shipped with the cockpit (sectors)."""
