"""The dossier the Center sends to an employer about one graduate (152-ФЗ ст. 9): the Frappe-side services.

- ``sending``: the whitelisted «Send Dossier» of the Student Resume form. It checks the sender's role, the
  approved mentor recommendation and the graduate's Active Processing consent that allows transfer to
  employers (``citi_employment.personal_data.sharing``), records the Employer Dossier whose print is the
  cover letter, joins the three prints into one PDF (``domain.dossier``), queues it by e-mail through the
  framework and logs the transfer in Personal Data Transfer.
"""
