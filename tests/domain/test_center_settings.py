import pytest

from citi_employment.domain.center_settings import (
	MAX_DESTRUCTION_DAYS,
	CenterSettingsValues,
	center_settings_errors,
	check_day_count,
	format_checkpoint_months,
	parse_checkpoint_months,
)
from citi_employment.domain.errors import FieldError, Reason

DEFAULTS = CenterSettingsValues(
	monitoring_checkpoints="1, 3, 6, 12, 24",
	contract_expiry_warning_days=30,
	publication_min_cell_size=5,
	revocation_destruction_days=30,
)


@pytest.mark.parametrize(
	"text, months",
	[
		("1, 3, 6, 12, 24", (1, 3, 6, 12, 24)),
		("1,3,6", (1, 3, 6)),
		(" 6 ; 12 ", (6, 12)),
		("120", (120,)),
	],
)
def test_checkpoints_parse(text, months):
	assert parse_checkpoint_months(text) == months


@pytest.mark.parametrize(
	"text, reason",
	[
		(None, Reason.REQUIRED),
		("  ", Reason.REQUIRED),
		("1, three", Reason.FORMAT),
		("1,,3", Reason.FORMAT),
		("-1, 3", Reason.FORMAT),
		("1.5", Reason.FORMAT),
		("0, 3", Reason.RANGE),
		("1, 121", Reason.RANGE),
		("1, 6, 3", Reason.ORDER),
		("1, 3, 3", Reason.ORDER),
	],
)
def test_bad_checkpoints_name_the_field_and_reason(text, reason):
	with pytest.raises(FieldError) as raised:
		parse_checkpoint_months(text)
	assert raised.value.field == "monitoring_checkpoints"
	assert raised.value.reason is reason


def test_checkpoints_round_trip_to_the_canonical_text():
	assert format_checkpoint_months(parse_checkpoint_months("1;3 ,6")) == "1, 3, 6"


@pytest.mark.parametrize(
	"days, maximum, reason",
	[
		(None, None, Reason.REQUIRED),
		("30", None, Reason.FORMAT),
		(True, None, Reason.FORMAT),
		(0, None, Reason.RANGE),
		(31, 30, Reason.RANGE),
	],
)
def test_day_count_rejects(days, maximum, reason):
	with pytest.raises(FieldError) as raised:
		check_day_count(days, "some_days", maximum)
	assert (raised.value.field, raised.value.reason) == ("some_days", reason)


def test_day_count_accepts_the_limit_itself():
	assert check_day_count(MAX_DESTRUCTION_DAYS, "days", MAX_DESTRUCTION_DAYS) == 30


def test_defaults_are_valid():
	assert center_settings_errors(DEFAULTS) == []


def test_every_bad_field_is_reported_once():
	values = CenterSettingsValues(
		monitoring_checkpoints="6, 1",
		contract_expiry_warning_days=0,
		publication_min_cell_size=5,
		revocation_destruction_days=45,
	)
	errors = center_settings_errors(values)
	assert [(error.field, error.reason) for error in errors] == [
		("monitoring_checkpoints", Reason.ORDER),
		("contract_expiry_warning_days", Reason.RANGE),
		("revocation_destruction_days", Reason.RANGE),
	]
