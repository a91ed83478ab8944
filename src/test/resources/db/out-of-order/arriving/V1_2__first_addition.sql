create table first_module_addition (id int);
