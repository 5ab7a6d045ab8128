"""CVs as files: reading their text (read), checking what is handed in (files), and the
e-mail draft that carries one (mail). Below the services, beside the store: no database."""
