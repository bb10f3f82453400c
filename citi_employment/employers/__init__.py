"""Work with employers (§5.3): interactions, their next steps, and each employer's last contact."""
