"""Built-in pipeline stages. Importing a module here registers its stages."""
