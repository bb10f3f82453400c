"""Personal data services (152-ФЗ): consent status, sharing with employers, destruction."""
