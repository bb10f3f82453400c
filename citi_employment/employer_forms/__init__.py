"""The forms employers fill in on the Center's website without logging in (issue 13, §2.4, §5.3, §6.2).

- ``vacancy_request``: the online «Заявка от потенциального работодателя о потребности в работнике», open to
  anyone and reachable through a signed link the Center sends to a known employer; it makes a Draft Vacancy
  Request, the employer's age and gender wishes apart, and a Potential Employer for a new ИНН.
- ``feedback``: the employer's answer at a monitoring checkpoint, through a single-use expiring link a
  Specialist sends from the monitoring record.
- ``guest_input``: what both share: the page language, the wording of refused fields, the guard that keeps
  a controller's messages about other records from a guest, the size limit of a submission.
- ``abuse``: rate limits per address, ИНН and e-mail, the duplicate check.

The pages are ``www/vacancy-request`` and ``www/employer-feedback``. The rules (fields, limits, links) are plain
Python in ``citi_employment.domain.employer_forms``.

Why a page of the app and not a Web Form: a v15 Web Form inserts the document it is built on straight from
the guest's values, so a Link to Employer would list the Center's employers to anyone, the age and gender
wishes would sit on the request itself, and neither rate limits nor a cross-record check (ИНН known or new)
could run before the insert. Here one whitelisted method checks everything first and writes only then.
"""
