global using K8Shop.TestSupport;
