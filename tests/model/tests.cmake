# The model tests reach into the private headers (src/model) for the gradient check's test hooks
# (Network, NetworkOptions), which include oneDNN.
target_include_directories(test_model PRIVATE "${PROJECT_SOURCE_DIR}/src/model")
target_link_libraries(test_model PRIVATE DNNL::dnnl)
target_link_libraries(test_model PRIVATE OpenMP::OpenMP_CXX)
