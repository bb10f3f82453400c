"""Vacancies: the Frappe-side services of employers' requests and the candidates proposed for them."""
