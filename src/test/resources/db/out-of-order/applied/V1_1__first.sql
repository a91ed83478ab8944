create table first_module (id int);
