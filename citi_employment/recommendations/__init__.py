"""Mentor recommendations (seed form «Рекомендации наставникам»): the Frappe-side services.

- ``authorship``: each section of the form is written only by its author, refused (not silently reset)
  whatever path the write takes;
- ``approval``: the state moves the workflow allows, repeated in the controller (only the Head approves,
  nobody marks a recommendation sent by hand) and the approved text kept as approved;
- ``sending``: what the consent-gated transfer (``citi_employment.personal_data.sharing``) asks of a
  recommendation before sending it, and the move to Sent after it has logged the transfer.
"""
