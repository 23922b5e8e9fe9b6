"""Load and validate the versioned questionnaire, scenario and rule-set data under forms/."""
