"""Personal data services (152-ФЗ, DESIGN §4): consent status, sharing with employers, destruction."""
